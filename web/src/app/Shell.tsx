import type { ComponentChildren } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { navFor, ROLE_LABELS, type NavItem } from "./nav";
import { useApp } from "./context";
import { permissionsOf } from "./permissions";

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters =
    parts.length > 1 ? parts[0][0] + parts[parts.length - 1][0] : (parts[0] ?? "?").slice(0, 2);
  return letters.toUpperCase();
}

function groupNav(items: NavItem[]): { heading: string | null; items: NavItem[] }[] {
  const groups: { heading: string | null; items: NavItem[] }[] = [];
  for (const item of items) {
    const heading = item.group ?? null;
    const last = groups[groups.length - 1];
    if (last && last.heading === heading) last.items.push(item);
    else groups.push({ heading, items: [item] });
  }
  return groups;
}

export function Shell(props: {
  activeId: string | null;
  /** The current path; moving to another one takes focus to the new page. */
  path: string;
  onSignOut: () => void;
  children: ComponentChildren;
}) {
  const { user } = useApp();
  const [menuOpen, setMenuOpen] = useState(false);
  const mainRef = useRef<HTMLElement>(null);
  const items = navFor(permissionsOf(user));

  // Close the mobile menu after navigating, and move focus to the page.
  useEffect(() => {
    setMenuOpen(false);
  }, [props.activeId]);

  // After client-side navigation, screen readers and keyboards start at the new page.
  const firstPath = useRef(props.path);
  useEffect(() => {
    if (props.path === firstPath.current) return;
    firstPath.current = "";
    window.scrollTo(0, 0);
    mainRef.current?.focus({ preventScroll: true });
  }, [props.path]);

  useEffect(() => {
    if (!menuOpen) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") setMenuOpen(false);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [menuOpen]);

  return (
    <div class={`shell${menuOpen ? " menu-open" : ""}`}>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="topbar">
        <button
          type="button"
          class="menu-toggle"
          aria-expanded={menuOpen}
          aria-controls="primary-nav"
          onClick={() => setMenuOpen((o) => !o)}
        >
          <span class="menu-icon" aria-hidden="true" />
          <span class="sr-only">{menuOpen ? "Close menu" : "Open menu"}</span>
        </button>
        <a class="brand" href="/accounts">
          <span class="brand-mark" aria-hidden="true">
            C
          </span>
          <span class="brand-name">Continuity</span>
        </a>
        <div class="topbar-spacer" />
        <div class="user-chip" data-testid="current-user">
          <span class="avatar" aria-hidden="true">
            {initials(user.display_name || user.email)}
          </span>
          <span class="user-text">
            <span class="user-name">{user.display_name || user.email}</span>
            <span class="user-role">{ROLE_LABELS[user.role] ?? user.role}</span>
          </span>
        </div>
        <button type="button" class="button button-ghost button-small" onClick={props.onSignOut}>
          Sign out
        </button>
      </header>
      <nav id="primary-nav" class="sidebar" aria-label="Main">
        {groupNav(items).map((group) => (
          <div class="nav-group" key={group.heading ?? "main"}>
            {group.heading && <div class="nav-heading">{group.heading}</div>}
            <ul>
              {group.items.map((item) => (
                <li key={item.id}>
                  <a
                    href={item.path}
                    class={`nav-link${props.activeId === item.id ? " active" : ""}`}
                    aria-current={props.activeId === item.id ? "page" : undefined}
                  >
                    {item.label}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </nav>
      {menuOpen && <div class="scrim" aria-hidden="true" onClick={() => setMenuOpen(false)} />}
      <main id="main" class="content" ref={mainRef} tabIndex={-1}>
        {props.children}
      </main>
    </div>
  );
}
