import { render } from "preact";
import { ApiClient, LocalSessionStore, MemorySessionStore } from "./api/client";
import { App } from "./app/App";
import "./styles.css";

function sessionStore() {
  try {
    const storage = window.localStorage;
    storage.getItem("continuity.probe");
    return new LocalSessionStore(storage);
  } catch {
    return new MemorySessionStore();
  }
}

const client = new ApiClient({ store: sessionStore() });
const root = document.getElementById("app");
if (root) render(<App client={client} />, root);
