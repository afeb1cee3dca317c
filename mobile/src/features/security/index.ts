export { SecurityRoute } from './routes/security-route';
