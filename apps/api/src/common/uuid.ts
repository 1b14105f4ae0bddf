const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids in URLs, sockets and Twilio parameters are checked before they reach a query. */
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);
