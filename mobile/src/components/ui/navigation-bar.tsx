import type { ReactNode } from 'react';
import { NavLink } from 'react-router';

export interface NavigationDestination {
  readonly to: string;
  readonly label: string;
  readonly icon: ReactNode;
  /** Active only on this exact path (the home page), not on the pages below it. */
  readonly end?: boolean;
}

/**
 * A Material 3 navigation bar: the app's top-level destinations at the bottom of the screen.
 * The link of the page shown carries `aria-current="page"` (NavLink sets it).
 */
export function NavigationBar({ label, destinations }: { readonly label: string; readonly destinations: readonly NavigationDestination[] }) {
  return (
    <nav className="ui-navigation-bar" aria-label={label}>
      <ul className="ui-navigation-bar__list">
        {destinations.map((destination) => (
          <li key={destination.to} className="ui-navigation-bar__item">
            <NavLink to={destination.to} end={destination.end ?? false} className="ui-navigation-bar__link">
              <span className="ui-navigation-bar__indicator">{destination.icon}</span>
              <span className="ui-navigation-bar__label">{destination.label}</span>
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
