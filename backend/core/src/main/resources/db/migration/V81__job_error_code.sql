-- A failed job's error as a catalogue message (JSON code and arguments), so a page shows it in the teacher's
-- language; the error column keeps the English. Warnings need no column: the warnings list holds messages, and a list
-- stored as plain strings reads each as a text message.
ALTER TABLE job ADD COLUMN error_code TEXT;
