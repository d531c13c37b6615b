using System.Text;
using Jixiao.Domain.Model;
using Jixiao.Domain.Values;
using Jixiao.Domain.Projects;
using Jixiao.Storage.Entities;
using Jixiao.Storage.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jixiao.Storage;

/// <summary>
/// The EF Core model over the schema that <c>Migrations/*.sql</c> create: tables and columns are the
/// snake_case of the entity and property names; amounts are <c>numeric(18,2)</c>; enums are stored as the
/// words the interchange JSON uses.
/// </summary>
public sealed class JixiaoDbContext(DbContextOptions<JixiaoDbContext> options) : DbContext(options)
{
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<Project> Projects => Set<Project>();
    public DbSet<ProjectYear> ProjectYears => Set<ProjectYear>();
    public DbSet<ProjectRelation> ProjectRelations => Set<ProjectRelation>();
    public DbSet<SourceDocument> SourceDocuments => Set<SourceDocument>();
    public DbSet<DocumentVersion> DocumentVersions => Set<DocumentVersion>();
    public DbSet<StoredForm> Forms => Set<StoredForm>();
    public DbSet<StoredIndicator> Indicators => Set<StoredIndicator>();
    public DbSet<StoredBudgetRow> BudgetRows => Set<StoredBudgetRow>();
    public DbSet<StoredDiagnostic> Diagnostics => Set<StoredDiagnostic>();
    public DbSet<StoredFinding> Findings => Set<StoredFinding>();
    public DbSet<ImportAuditLine> ImportAudit => Set<ImportAuditLine>();
    public DbSet<StoredMonitoringForm> MonitoringForms => Set<StoredMonitoringForm>();
    public DbSet<StoredMonitoringAudit> MonitoringAudit => Set<StoredMonitoringAudit>();

    /// <summary>Forms of the versions in force (older versions of a source are history).</summary>
    public IQueryable<StoredForm> CurrentForms => Forms.Where(f => f.DocumentVersion.IsCurrent);

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<Department>().ToTable("departments");
        b.Entity<Unit>().ToTable("units");
        b.Entity<Project>().ToTable("projects");
        b.Entity<ProjectYear>(e =>
        {
            e.ToTable("project_years");
            e.Property(p => p.MatchKind).HasConversion(k => Words.Of(k), s => Words.MatchKind(s));
            Amount(e.Property(p => p.Similarity));
        });
        b.Entity<ProjectRelation>(e =>
        {
            e.ToTable("project_relations");
            e.HasKey(r => new { r.ParentProjectId, r.ChildProjectId });
            e.HasOne(r => r.Parent).WithMany().HasForeignKey(r => r.ParentProjectId);
            e.HasOne(r => r.Child).WithMany().HasForeignKey(r => r.ChildProjectId);
        });
        b.Entity<SourceDocument>().ToTable("source_documents");
        b.Entity<DocumentVersion>().ToTable("document_versions");
        b.Entity<StoredForm>(e =>
        {
            e.ToTable("forms");
            e.Property(f => f.Kind).HasConversion(k => Words.Of(k), s => Words.FormKind(s));
            foreach (var amount in new[] { nameof(StoredForm.FundsAnnualTotal), nameof(StoredForm.FundsCurrentYear), nameof(StoredForm.FundsCarryOver), nameof(StoredForm.FundsOther), nameof(StoredForm.TotalWeight), nameof(StoredForm.TotalScore) })
            {
                Amount(e.Property(amount));
            }
        });
        b.Entity<StoredIndicator>(e =>
        {
            e.ToTable("indicators");
            e.HasKey(i => new { i.FormId, i.Ordinal });
            Amount(e.Property(i => i.Weight));
            Amount(e.Property(i => i.Score));
        });
        b.Entity<StoredBudgetRow>(e =>
        {
            e.ToTable("budget_rows");
            e.HasKey(r => new { r.FormId, r.RowKind });
            e.HasOne<StoredForm>().WithMany(f => f.BudgetRows).HasForeignKey(r => r.FormId);
            foreach (var amount in new[] { nameof(StoredBudgetRow.InitialAmount), nameof(StoredBudgetRow.FullAmount), nameof(StoredBudgetRow.ExecutedAmount), nameof(StoredBudgetRow.Rate), nameof(StoredBudgetRow.Weight), nameof(StoredBudgetRow.Score) })
            {
                Amount(e.Property(amount));
            }
        });
        b.Entity<StoredDiagnostic>(e =>
        {
            e.ToTable("diagnostics");
            e.HasKey(d => new { d.DocumentVersionId, d.Ordinal });
            e.HasOne<DocumentVersion>().WithMany().HasForeignKey(d => d.DocumentVersionId);
            e.HasOne<StoredForm>().WithMany().HasForeignKey(d => d.FormId);
            e.Property(d => d.Severity).HasConversion(s => Words.Of(s), s => Words.Severity(s));
        });
        b.Entity<StoredFinding>(e =>
        {
            e.ToTable("findings");
            e.Property(f => f.Severity).HasConversion(s => Words.Of(s), s => Words.Severity(s));
        });

        b.Entity<ImportAuditLine>(e =>
        {
            e.ToTable("import_audit");
            e.Property(a => a.Outcome).HasConversion(o => Words.Of(o), s => Words.ImportOutcome(s));
        });

        b.MapMonitoring();

        foreach (var property in b.Model.GetEntityTypes().SelectMany(t => t.GetProperties()))
        {
            property.SetColumnName(SnakeCase(property.Name));
            if (Database.IsSqlite() && property.ClrType.UnwrapNullable() == typeof(decimal))
            {
                property.SetValueConverter(property.GetScale() == Decimals.AmountScale ? Decimals.Hundredths : Decimals.ExactText);
            }
        }
    }

    private static void Amount(PropertyBuilder property) => property.HasPrecision(Decimals.AmountPrecision, Decimals.AmountScale);

    internal static string SnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                sb.Append('_');
            }

            sb.Append(char.ToLowerInvariant(name[i]));
        }

        return sb.ToString();
    }
}

/// <summary>The stored words for the enums, as the interchange JSON spells them.</summary>
internal static class Words
{
    public static string Of(FormKind kind) => FormKinds.Word(kind);

    public static FormKind FormKind(string word) => FormKinds.Parse(word);

    public static string Of(Severity severity) => severity.ToString().ToLowerInvariant();

    public static Severity Severity(string word) => Enum.Parse<Severity>(word, ignoreCase: true);

    public static string Of(MatchKind kind) => kind switch
    {
        Domain.Projects.MatchKind.SameName => "sameName",
        Domain.Projects.MatchKind.Similar => "similar",
        _ => "new",
    };

    public static MatchKind MatchKind(string word) => word switch
    {
        "sameName" => Domain.Projects.MatchKind.SameName,
        "similar" => Domain.Projects.MatchKind.Similar,
        _ => Domain.Projects.MatchKind.New,
    };

    public static string Of(ImportOutcome outcome) => ImportOutcomeWords.Of(outcome);

    public static ImportOutcome ImportOutcome(string word) => ImportOutcomeWords.Parse(word) ?? Import.ImportOutcome.Failed;

    public static Type UnwrapNullable(this Type type) => Nullable.GetUnderlyingType(type) ?? type;
}
