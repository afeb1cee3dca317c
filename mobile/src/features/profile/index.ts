export { ProfileRoute } from './routes/profile-route';
