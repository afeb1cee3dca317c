import './ui.css';

export { Alert } from './alert';
export { Button, type ButtonProps } from './button';
export { Card } from './card';
export { LogoutIcon, RefreshIcon } from './icons';
export { PageHeading, requestHeadingFocus } from './page-heading';
export { Progress } from './progress';
export { Snackbar } from './snackbar';
export { StatusChip, type StatusTone } from './status-chip';
export { TextField, type TextFieldProps } from './text-field';
export { TopAppBar } from './top-app-bar';
