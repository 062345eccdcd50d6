import { readConfig, type ServerConfig } from './config.ts';
import { startServer } from './start-server.ts';

// `npm start`: configuration from the environment (HOST, PORT, ALTITUDE_DB, ALTITUDE_DEMO).
let config: ServerConfig;
try {
  config = readConfig(process.env);
} catch (error) {
  console.error(`altitude: ${(error as Error).message}`);
  process.exit(2);
}
startServer(config).catch((error: NodeJS.ErrnoException) => {
  console.error(`altitude: cannot start: ${error.code === 'EADDRINUSE' ? `port ${config.port} is already in use` : error.message}`);
  process.exit(1);
});
