/** Limits both sides enforce; the server is the authority, the web app mirrors them in forms. */
export const Limits = {
  /** Shortest password accepted. */
  passwordMinLength: 12,
  /** Longest password accepted, refused before hashing (Argon2 cost is per byte). */
  passwordMaxLength: 256,
  /** Longest person or organization name. */
  nameMaxLength: 120,
  /** Longest organization short name. */
  shortNameMaxLength: 40,
  /** Longest email address (RFC 5321). */
  emailMaxLength: 254,
  /** Longest program title. */
  titleMaxLength: 300,
  /** Longest comment. */
  commentMaxLength: 8000,
  /** Longest quoted passage of a thread's anchor. */
  anchorQuoteMaxLength: 2000,
  /** Longest encoded relative position (base64). */
  anchorPositionMaxLength: 512,
  /** Threads a person may open per minute, before 429. */
  threadsPerMinute: 10,
  /** Comments (replies and edits) a person may post per minute, before 429. */
  commentsPerMinute: 30,
  /** Mention suggestion requests (`GET /api/threads/mentionable`) a person may make per minute, before 429. */
  mentionSuggestionsPerMinute: 60,
  /** Longest priority round title, per language. */
  roundTitleMaxLength: 120,
  /** Most candidate programs in a round (and places on a ballot). */
  roundCandidatesMax: 64,
  /** Longest rationale of a place on a ballot. */
  rationaleMaxLength: 1000,
} as const;
