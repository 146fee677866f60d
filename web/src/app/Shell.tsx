import type { ComponentChildren } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { LanguageSwitch } from "../components/LanguageSwitch";
import { t } from "../i18n";
import { useApp } from "./context";
import { codeLabel } from "./labels";
import { navFor, type NavItem } from "./nav";
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
  const [userMenuOpen, setUserMenuOpen] = useState(false);
  const mainRef = useRef<HTMLElement>(null);
  const userMenuRef = useRef<HTMLDivElement>(null);
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
    if (!menuOpen && !userMenuOpen) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        setMenuOpen(false);
        setUserMenuOpen(false);
      }
    };
    // The user menu closes on a click anywhere outside it.
    const onClick = (e: MouseEvent) => {
      if (!userMenuRef.current?.contains(e.target as Node)) setUserMenuOpen(false);
    };
    window.addEventListener("keydown", onKey);
    document.addEventListener("click", onClick);
    return () => {
      window.removeEventListener("keydown", onKey);
      document.removeEventListener("click", onClick);
    };
  }, [menuOpen, userMenuOpen]);

  return (
    <div class={`shell${menuOpen ? " menu-open" : ""}`}>
      <a class="skip-link" href="#main">
        {t("shell.skipToContent")}
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
          <span class="sr-only">{menuOpen ? t("shell.closeMenu") : t("shell.openMenu")}</span>
        </button>
        <a class="brand" href="/accounts">
          <span class="brand-mark" aria-hidden="true">
            {t("common.brandMark")}
          </span>
          <span class="brand-name">{t("common.appName")}</span>
        </a>
        <div class="topbar-spacer" />
        <div class="user-menu" ref={userMenuRef}>
          <button
            type="button"
            class="user-chip"
            data-testid="current-user"
            aria-expanded={userMenuOpen}
            aria-controls="user-menu"
            onClick={() => setUserMenuOpen((o) => !o)}
          >
            <span class="avatar" aria-hidden="true">
              {initials(user.display_name || user.email)}
            </span>
            <span class="user-text">
              <span class="user-name">{user.display_name || user.email}</span>
              <span class="user-role">{codeLabel("role", user.role)}</span>
            </span>
            <span class="sr-only">{t("shell.userMenu")}</span>
          </button>
          {userMenuOpen && (
            <div class="user-menu-panel" id="user-menu">
              <div class="user-menu-section">
                <div class="user-menu-heading" aria-hidden="true">
                  {t("language.label")}
                </div>
                <LanguageSwitch
                  class="language-switch-menu"
                  onChosen={() => setUserMenuOpen(false)}
                />
              </div>
              <button
                type="button"
                class="user-menu-item user-menu-signout"
                onClick={props.onSignOut}
              >
                {t("shell.signOut")}
              </button>
            </div>
          )}
        </div>
      </header>
      <nav id="primary-nav" class="sidebar" aria-label={t("shell.main")}>
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
