/** The `client.notifications` namespace, typed payloads and the SQS consumer. */
export { PAYLOAD_VERSIONS, createNotificationsApi } from './api';
export type { Destination, NotificationsApi, Subscription } from './api';
export { createNotificationConsumer } from './consumer';
export type {
  NotificationConsumer,
  NotificationConsumerOptions,
  NotificationContext,
} from './consumer';
export {
  NotificationParseError,
  feedProcessingFinishedNotificationSchema,
  orderChangeNotificationSchema,
  parseNotification,
  reportProcessingFinishedNotificationSchema,
} from './payloads';
export type {
  FeedProcessingFinishedNotification,
  OrderChangeNotification,
  ReportProcessingFinishedNotification,
  SpApiNotification,
} from './payloads';
export { createSqsClient } from './sqs';
export type {
  AwsCredentials,
  AwsCredentialsSource,
  SqsClient,
  SqsClientOptions,
  SqsMessage,
} from './sqs';
