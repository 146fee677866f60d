/** Resolves the ids an account's figures mention to names a person recognises. */
export interface Names {
  user: (id: string) => string;
  contact: (id: string) => string;
}
