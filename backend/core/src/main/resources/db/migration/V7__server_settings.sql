-- Server-wide settings an administrator changes at run time (environment variables give the defaults).
CREATE TABLE server_setting (
    name  VARCHAR(64)  PRIMARY KEY,
    setting_value VARCHAR(500) NOT NULL
);
