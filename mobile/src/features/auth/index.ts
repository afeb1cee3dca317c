export { SignInRoute } from './routes/sign-in-route';
export { SignOutButton } from './components/sign-out-button';
