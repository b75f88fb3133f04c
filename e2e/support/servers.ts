// Where the apps under test listen. Ports away from the defaults so a running `npm start` does not clash.
export const SITE_PORT = 3100;
export const ADMIN_PORT = 3101;
export const SITE_URL = `http://localhost:${SITE_PORT}`;
export const ADMIN_URL = `http://localhost:${ADMIN_PORT}`;
