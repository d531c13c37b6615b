-- Schema version 10: the ASP.NET Core Data Protection key ring (the keys that sign sign-in cookies and
-- antiforgery tokens), kept in the database so a sign-in survives a restart and every instance of the web
-- app reads the same keys. Table and columns as EF Core's DataProtectionKey entity names them
-- (Microsoft.AspNetCore.DataProtection.EntityFrameworkCore), read and written by AuthoringDbContext.
-- Tokens as in 0001_initial.sql.

CREATE TABLE "DataProtectionKeys" (
    "Id" $ID$,
    "FriendlyName" text NULL,
    "Xml" text NULL
);
