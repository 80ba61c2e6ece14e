-- Job ownership across replicas: the replica running a job holds a lease it renews; a job whose lease ran out
-- (its owner died) is claimed by another replica in one UPDATE.
ALTER TABLE job ADD COLUMN lease_owner VARCHAR(100);
ALTER TABLE job ADD COLUMN lease_until TIMESTAMP WITH TIME ZONE;
CREATE INDEX job_lease ON job (status, lease_until);
