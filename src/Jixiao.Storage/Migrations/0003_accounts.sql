-- Schema version 3: accounts and roles for authoring in the browser (ASP.NET Core Identity's tables,
-- under the names and columns its EF Core model uses, hence the quoted identifiers). A user belongs to a
-- unit (填报人, 单位审核) or a department (主管部门审核); 财政审核 and 管理员 are city-wide.
-- Tokens as in 0001_initial.sql.

CREATE TABLE "AspNetRoles" (
    "Id" text NOT NULL PRIMARY KEY,
    "Name" text NULL,
    "NormalizedName" text NULL,
    "ConcurrencyStamp" text NULL
);
CREATE UNIQUE INDEX "RoleNameIndex" ON "AspNetRoles" ("NormalizedName");

CREATE TABLE "AspNetUsers" (
    "Id" text NOT NULL PRIMARY KEY,
    "UnitId" bigint NULL REFERENCES units (id),
    "DepartmentId" bigint NULL REFERENCES departments (id),
    "UserName" text NULL,
    "NormalizedUserName" text NULL,
    "Email" text NULL,
    "NormalizedEmail" text NULL,
    "EmailConfirmed" $BOOL$ NOT NULL,
    "PasswordHash" text NULL,
    "SecurityStamp" text NULL,
    "ConcurrencyStamp" text NULL,
    "PhoneNumber" text NULL,
    "PhoneNumberConfirmed" $BOOL$ NOT NULL,
    "TwoFactorEnabled" $BOOL$ NOT NULL,
    "LockoutEnd" $TIMESTAMP$ NULL,
    "LockoutEnabled" $BOOL$ NOT NULL,
    "AccessFailedCount" integer NOT NULL
);
CREATE UNIQUE INDEX "UserNameIndex" ON "AspNetUsers" ("NormalizedUserName");
CREATE INDEX "EmailIndex" ON "AspNetUsers" ("NormalizedEmail");

CREATE TABLE "AspNetRoleClaims" (
    "Id" $ID$,
    "RoleId" text NOT NULL REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE,
    "ClaimType" text NULL,
    "ClaimValue" text NULL
);
CREATE INDEX "IX_AspNetRoleClaims_RoleId" ON "AspNetRoleClaims" ("RoleId");

CREATE TABLE "AspNetUserClaims" (
    "Id" $ID$,
    "UserId" text NOT NULL REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE,
    "ClaimType" text NULL,
    "ClaimValue" text NULL
);
CREATE INDEX "IX_AspNetUserClaims_UserId" ON "AspNetUserClaims" ("UserId");

CREATE TABLE "AspNetUserLogins" (
    "LoginProvider" text NOT NULL,
    "ProviderKey" text NOT NULL,
    "ProviderDisplayName" text NULL,
    "UserId" text NOT NULL REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE,
    PRIMARY KEY ("LoginProvider", "ProviderKey")
);
CREATE INDEX "IX_AspNetUserLogins_UserId" ON "AspNetUserLogins" ("UserId");

CREATE TABLE "AspNetUserRoles" (
    "UserId" text NOT NULL REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE,
    "RoleId" text NOT NULL REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE,
    PRIMARY KEY ("UserId", "RoleId")
);
CREATE INDEX "IX_AspNetUserRoles_RoleId" ON "AspNetUserRoles" ("RoleId");

CREATE TABLE "AspNetUserTokens" (
    "UserId" text NOT NULL REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE,
    "LoginProvider" text NOT NULL,
    "Name" text NOT NULL,
    "Value" text NULL,
    PRIMARY KEY ("UserId", "LoginProvider", "Name")
);
