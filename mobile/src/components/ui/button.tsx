import '@material/web/button/filled-button.js';
import '@material/web/button/outlined-button.js';
import '@material/web/button/text-button.js';
import type { ReactNode } from 'react';

export interface ButtonProps {
  readonly children: ReactNode;
  readonly variant?: 'filled' | 'outlined' | 'text';
  readonly type?: 'button' | 'submit';
  readonly disabled?: boolean;
  readonly icon?: ReactNode;
  readonly onClick?: () => void;
  readonly className?: string;
  /** A fuller name than the visible text, e.g. which item the button acts on. */
  readonly ariaLabel?: string | undefined;
}

/**
 * A Material 3 button. A submit button also renders a hidden native one: Enter in a field
 * submits a form through its first native submit button, which the Material element is not.
 */
export function Button({ children, variant = 'filled', type = 'button', disabled = false, icon, onClick, className, ariaLabel }: ButtonProps) {
  const Tag = `md-${variant}-button` as const;
  return (
    <>
      <Tag
        type={type}
        disabled={disabled}
        aria-label={ariaLabel}
        hasIcon={icon !== undefined}
        onClick={disabled ? undefined : onClick}
        className={['ui-button', className].filter(Boolean).join(' ')}
      >
        {icon !== undefined && <span slot="icon" className="ui-button__icon">{icon}</span>}
        {children}
      </Tag>
      {type === 'submit' && <button type="submit" hidden disabled={disabled} tabIndex={-1} />}
    </>
  );
}
