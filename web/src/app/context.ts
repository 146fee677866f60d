import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { ApiClient } from "../api/client";
import type { SessionUser } from "../api/types";

export interface AppContextValue {
  client: ApiClient;
  user: SessionUser;
}

export const AppContext = createContext<AppContextValue | null>(null);

export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error("useApp outside of the signed-in shell");
  return value;
}
