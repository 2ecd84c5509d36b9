// Who is acting: the one shape every service, action and script passes around.
import type { Role } from "./permissions";

export interface Actor {
  id: string;
  role: Role;
  /** The session the request came with (absent for scripts and the seed). */
  sessionId?: string;
}
