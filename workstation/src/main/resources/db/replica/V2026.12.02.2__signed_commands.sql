-- Who signed a queued command and the signature (wire/CommandSignatures), sent with it to central.
ALTER TABLE outbox_command ADD COLUMN signed_by ${uuid};
ALTER TABLE outbox_command ADD COLUMN signature VARCHAR(200);
