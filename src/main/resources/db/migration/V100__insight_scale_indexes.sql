-- Issue 7 (speed with demo data × 100): the talent figures count appointments per programme; with
-- this index the count reads one range of the index instead of every appointment.
CREATE INDEX talent_appointment_programme_ix ON talent_appointment (programme, id);
