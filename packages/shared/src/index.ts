/** @mesa/shared: the one contract both apps import. Named re-exports only. */
export { ErrorCodes, ErrorBodySchema, type ErrorCode, type ErrorBody } from './errors.js';
export { IdSchema, type Id } from './ids.js';
export { isWellFormedText, trimWhiteSpace, trimmedString } from './text.js';
export { Locales, LocaleSchema, type Locale } from './locale.js';
export {
  TimeZoneAreas,
  UTC_ZONE,
  LegacyTimeZoneNames,
  TimeZoneSchema,
  canonicalTimeZone,
  listTimeZones,
  timeZoneArea,
  type TimeZoneArea,
} from './time-zones.js';
export {
  ComponentIds,
  ComponentIdSchema,
  ComponentSchema,
  type ComponentId,
  type Component,
} from './schemas/component.js';
export {
  ThreadSubjectSchema,
  type ThreadSubject,
  type ThreadSubjectKind,
} from './schemas/thread-subject.js';
export {
  findMentions,
  mentionedIds,
  mentionToken,
  replaceMentions,
  mentionsAsText,
  type MentionToken,
} from './mentions.js';
export { LocalizedTextSchema, localizedInput, type LocalizedText } from './schemas/localized.js';
export { AwarenessUserSchema, type AwarenessUser } from './realtime/awareness.js';
export {
  OrganizationKinds,
  OrganizationKindSchema,
  OrganizationSchema,
  type OrganizationKind,
  type Organization,
} from './schemas/organization.js';
export {
  ConfidenceSchema,
  PriorityConfidenceSchema,
  ProgramStatusSchema,
  CurrencySchema,
  MoneySchema,
  CountryCodeSchema,
  ProgramSchema,
  ProgramReplySchema,
  type ProgramStatus,
  type Money,
  type Program,
} from './schemas/program.js';
export { listOf, HealthSchema } from './schemas/list.js';
export { StrategyFacts } from './strategy.js';
export {
  Roles,
  RoleSchema,
  Relations,
  RelationSchema,
  ProgramAbilitiesSchema,
  ProgramAbilityFlagsSchema,
  ProgramActionSchema,
  WorkspaceAbilitiesSchema,
  effectiveRelation,
  programAbilities,
  workspaceAbilities,
  invitableRoles,
  type Role,
  type Relation,
  type ActorFacts,
  type ProgramFacts,
  type ProgramAbilities,
  type ProgramAbilityFlags,
  type ProgramAction,
  type WorkspaceAbilities,
  type WorkspaceFacts,
} from './permissions.js';
export {
  DenialReasons,
  DenialReasonSchema,
  denialReason,
  type DenialReason,
  type DenialFacts,
} from './denials.js';
export {
  DocumentKinds,
  MAX_DOCUMENT_NAME_LENGTH,
  parseDocumentName,
  formatDocumentName,
  planDocumentName,
  type DocumentKind,
  type DocumentName,
} from './realtime/documents.js';
export {
  CloseCodes,
  FinalCloseCodes,
  isFinalCloseCode,
  type CloseCode,
} from './realtime/close-codes.js';
export { Limits } from './limits.js';
export {
  CollabMessageTypes,
  COLLAB_ACK_PARAM,
  CollabLimits,
  isUpdateMessage,
} from './realtime/collab-messages.js';
export {
  EmailSchema,
  UserSchema,
  MeReplySchema,
  LoginInputSchema,
  LoginReplySchema,
  type User,
  type LoginInput,
} from './schemas/user.js';
export {
  SOCKET_IO_PATH,
  SOCKET_MAX_MESSAGE_BYTES,
  SOCKET_COMMANDS_PER_SECOND,
  SOCKET_COMMAND_BURST,
  PresencePersonSchema,
  PresenceOrganizationSchema,
  PresenceSchema,
  ProgramSummarySchema,
  ProgramDetailsSchema,
  ProgramChangedSchema,
  SessionEndedReasonSchema,
  SessionEndedSchema,
  ProgramAccessRevokedSchema,
  AccessChangedSchema,
  ProgramSubscriptionInputSchema,
  PresenceListInputSchema,
  type AckError,
  type Ack,
  type AckCallback,
  type Presence,
  type ProgramSummary,
  type ProgramDetails,
  type ProgramChanged,
  type SessionEnded,
  type ProgramAccessRevoked,
  type AccessChanged,
  type ProgramSubscriptionInput,
  type ProgramSubscription,
  type PresenceListInput,
  type ServerToClientEvents,
  type ClientToServerEvents,
  type InterServerEvents,
  type SocketData,
} from './realtime/events.js';
export {
  workspaceRoom,
  programRoom,
  userRoom,
  sessionRoom,
  parseProgramRoom,
} from './realtime/rooms.js';
export {
  PlanVersionSchema,
  CreatePlanVersionInputSchema,
  PlanVersionContentSchema,
  PlanVersionComparisonSchema,
  PlanDiffBlockSchema,
  TableDiffRowSchema,
  TableDiffCellSchema,
  TableChangeOpSchema,
  type PlanDiffBlock,
  type PlanVersion,
  type CreatePlanVersionInput,
} from './schemas/plan-version.js';
export {
  NewPasswordSchema,
  PasswordRules,
  type PasswordRule,
  PersonNameSchema,
  SessionInfoSchema,
  SessionsReplySchema,
  SessionParamsSchema,
  ChangePasswordInputSchema,
  SetupStatusSchema,
  SetupInputSchema,
  TokenParamsSchema,
  AccountCreatedReplySchema,
  IdParamsSchema,
  UpdateMeInputSchema,
  ProfileReplySchema,
  type UpdateMeInput,
  type SessionInfo,
  type ChangePasswordInput,
  type SetupInput,
} from './schemas/account.js';
export {
  CreateInvitationInputSchema,
  InvitationCreatedReplySchema,
  InvitationSchema,
  InvitationPreviewSchema,
  InvitationOptionsSchema,
  AcceptInvitationInputSchema,
  type CreateInvitationInput,
  type InvitationOptions,
  type Invitation,
  type AcceptInvitationInput,
} from './schemas/invitation.js';
export {
  CreateOrganizationInputSchema,
  UpdateOrganizationInputSchema,
  PersonSchema,
  UpdateUserInputSchema,
  CoordinatorSchema,
  ProgramUserParamsSchema,
  ProgramRelationSchema,
  ProgramOrganizationParamsSchema,
  PutRelationInputSchema,
  type CreateOrganizationInput,
  type UpdateOrganizationInput,
  type Person,
} from './schemas/admin.js';
export {
  CreateProgramInputSchema,
  UpdateProgramInputSchema,
  type CreateProgramInput,
  type UpdateProgramInput,
} from './schemas/program.js';
