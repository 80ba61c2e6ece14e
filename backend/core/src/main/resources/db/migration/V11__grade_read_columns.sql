-- What queries over many grades need, kept by the Grade entity whenever it changes (Grade.effectiveScore() and
-- Grade.needsReview() are the rules): the score that counts, and whether the grade waits for the teacher.
ALTER TABLE grade ADD COLUMN effective_score DOUBLE PRECISION;
ALTER TABLE grade ADD COLUMN awaiting_review BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE grade SET effective_score = CASE WHEN override_at IS NOT NULL AND override_score IS NOT NULL
                                        THEN override_score ELSE score END,
                 awaiting_review = (override_at IS NULL AND review_reasons <> '[]');
