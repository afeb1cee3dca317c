import type { DetailedHTMLProps, HTMLAttributes } from 'react';

type MaterialElementProps<Extra> = DetailedHTMLProps<HTMLAttributes<HTMLElement>, HTMLElement> & Extra;

interface MaterialButtonProps {
  disabled?: boolean;
  type?: 'button' | 'submit' | 'reset';
  hasIcon?: boolean;
}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'md-filled-button': MaterialElementProps<MaterialButtonProps>;
      'md-outlined-button': MaterialElementProps<MaterialButtonProps>;
      'md-text-button': MaterialElementProps<MaterialButtonProps>;
      'md-circular-progress': MaterialElementProps<{ indeterminate?: boolean; value?: number }>;
    }
  }
}
