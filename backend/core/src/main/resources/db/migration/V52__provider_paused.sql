-- A provider that failed its test or too many calls in a row is paused (enabled = false) with the reason, so the
-- teacher sees why; enabling it again clears the reason.
ALTER TABLE llm_provider ADD COLUMN paused_reason TEXT;
