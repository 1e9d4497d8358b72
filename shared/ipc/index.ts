export { eventChannels, externalLink, inviteLink, invokeChannels, ipcContract, isExternalLink, isInviteLink } from './contract'
export type {
  AppInfo,
  ChannelArgs,
  ChannelParsedArgs,
  ChannelResult,
  ConveneBridge,
  EventChannel,
  EventPayload,
  FileFilter,
  HostAddresses,
  HostOptions,
  HostStatus,
  InvokeChannel,
  InvokeFunction,
  OpenedFile,
  SaveFileResult,
  Subscribe,
} from './bridge'
export { sanitiseFileName, withExtension } from './filename'
export { MAX_FILE_BYTES, MAX_PRINT_HTML_CHARS, MAX_SAVED_NAME_CHARS, MAX_SUGGESTED_NAME_CHARS, MAX_URL_CHARS, formatBytes } from './limits'
