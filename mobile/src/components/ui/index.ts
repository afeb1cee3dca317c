import './ui.css';

export { Alert } from './alert';
export { Button, type ButtonProps } from './button';
export { Card } from './card';
export { ChoiceGroup, type Choice } from './choice-group';
export { ConfirmDialog, type ConfirmDialogProps } from './confirm-dialog';
export { HomeIcon, LogoutIcon, PersonIcon, RefreshIcon, SecurityIcon, SettingsIcon } from './icons';
export { NavigationBar, type NavigationDestination } from './navigation-bar';
export { PageHeading, requestHeadingFocus } from './page-heading';
export { Progress } from './progress';
export { Snackbar } from './snackbar';
export { StatusChip, type StatusTone } from './status-chip';
export { TextField, type TextFieldProps } from './text-field';
export { TopAppBar } from './top-app-bar';
