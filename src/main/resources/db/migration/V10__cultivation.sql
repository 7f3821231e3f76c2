-- cultivation: the rule settings (RULES.md §1–2 local choices), one row per setting
CREATE TABLE cultivation_setting (
  name VARCHAR(64) PRIMARY KEY,
  setting_value VARCHAR(200) NOT NULL,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
INSERT INTO cultivation_setting (name, setting_value, updated_at) VALUES
  ('revision', '1', CURRENT_TIMESTAMP),
  ('fivePercentIsBandD', 'true', CURRENT_TIMESTAMP),
  ('costClassIIIp', '1', CURRENT_TIMESTAMP),
  ('costClassIIp', '4', CURRENT_TIMESTAMP),
  ('costTransformation', '2', CURRENT_TIMESTAMP),
  ('costStandard', '5', CURRENT_TIMESTAMP);
