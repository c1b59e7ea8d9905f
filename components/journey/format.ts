// Dates on the journey pages: days are UTC days, like the calendar of writing days.
export { formatDate } from "@/components/articles/guide-meta";

const dateTime = new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeStyle: "short", timeZone: "UTC" });

export const formatDateTime = (iso: string) => `${dateTime.format(new Date(iso))} UTC`;

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
