export { RegisterRoute } from './routes/register-route';
