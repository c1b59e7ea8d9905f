/** Sent on window when the reader marked their notifications read, so the bell can clear. */
export const NOTIFICATIONS_READ_EVENT = "mend:notifications-read";
