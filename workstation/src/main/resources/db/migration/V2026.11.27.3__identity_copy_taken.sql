-- The manual identity path records that a copy of the card was taken (null for card confirmations).
ALTER TABLE identity_confirmation ADD COLUMN copy_taken BOOLEAN;
