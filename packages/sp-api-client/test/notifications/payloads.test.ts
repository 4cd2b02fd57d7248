import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { NotificationParseError, parseNotification } from '../../src/notifications';
import { sharedPath } from '../../../../test-support/shared';

const examplesOf = (name: string): unknown[] =>
  (
    JSON.parse(
      readFileSync(sharedPath(`amazon/models/schemas/notifications/${name}.json`), 'utf8'),
    ) as { examples: unknown[] }
  ).examples;

describe(parseNotification.name, () => {
  it.each([
    ['OrderChangeNotification', 'ORDER_CHANGE'],
    ['ReportProcessingFinishedNotification', 'REPORT_PROCESSING_FINISHED'],
    ['FeedProcessingFinishedNotification', 'FEED_PROCESSING_FINISHED'],
  ])("types every example of Amazon's %s schema", (schemaName, type) => {
    const examples = examplesOf(schemaName);

    expect(examples.length).toBeGreaterThan(0);
    for (const example of examples)
      expect(parseNotification(JSON.stringify(example)).type).toBe(type);
  });

  it('exposes typed fields of ORDER_CHANGE', () => {
    const parsed = parseNotification(JSON.stringify(examplesOf('OrderChangeNotification')[0]));

    if (parsed.type !== 'ORDER_CHANGE') throw new Error('expected ORDER_CHANGE');
    expect(parsed.notification.Payload.OrderChangeNotification.AmazonOrderId).toBe(
      '903-8868176-2219830',
    );
    expect(
      parsed.notification.Payload.OrderChangeNotification.Summary.OrderItems[0]?.Quantity,
    ).toBe(10);
  });

  it('names the missing field of a known type without quoting the body', () => {
    const example = structuredClone(examplesOf('ReportProcessingFinishedNotification')[0]) as {
      payload: { reportProcessingFinishedNotification: Record<string, unknown> };
    };
    delete example.payload.reportProcessingFinishedNotification.reportId;

    const error = (() => {
      try {
        parseNotification(JSON.stringify(example));
      } catch (caught) {
        return caught;
      }
    })();

    expect(error).toBeInstanceOf(NotificationParseError);
    expect(error).toMatchObject({
      fieldPath: 'payload.reportProcessingFinishedNotification.reportId',
    });
    expect((error as Error).message).not.toContain('A3TH9S8BH6GOGM');
  });

  it('returns other notification types untyped', () => {
    const parsed = parseNotification('{"notificationType":"ANY_OFFER_CHANGED","payload":{}}');

    expect(parsed).toMatchObject({ type: 'OTHER', notificationType: 'ANY_OFFER_CHANGED' });
  });

  it('rejects a body that is not JSON', () => {
    expect(() => parseNotification('not json')).toThrow(NotificationParseError);
  });
});
