// Roles rank READER < MODERATOR < ADMIN: each can do what the ones below can.
import type { Role } from "@/lib/generated/prisma/enums";

const RANK: Record<Role, number> = { READER: 0, MODERATOR: 1, ADMIN: 2 };

export const hasRole = (role: Role, atLeast: Role) => RANK[role] >= RANK[atLeast];
