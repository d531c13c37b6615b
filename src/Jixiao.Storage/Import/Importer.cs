using System.Collections.Concurrent;
using Jixiao.Domain.Model;
using Jixiao.Domain.Projects;
using Jixiao.Storage.Bulk;
using Jixiao.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Storage.Import;

/// <summary>
/// Stores documents already read (the application reads the files: <c>Jixiao.Application</c>). Each file
/// goes in one transaction: all of it or nothing, its forms with their findings, and, when
/// <paramref name="setFindings"/> is given, the findings comparing the forms of each unit it touched
/// (checked again from what is stored, the new forms included). Content already stored (same SHA-256) adds
/// nothing; new content under a known source name becomes that source's next version and the older
/// versions stay as history. When another writer stores the same rows at the same time, the unique
/// constraints refuse the second and it retries, then finds the content stored.
/// Every file leaves one line in the import audit log (<c>import_audit</c>) under <paramref name="user"/>:
/// written in the file's transaction when it is stored or found unchanged, and after the rollback when
/// it fails.
/// </summary>
/// <param name="findings">The findings of each form, stored with it (none when null).</param>
/// <param name="user">Who imports: a web user's name, <c>cli:&lt;OS user&gt;</c>, or <see cref="SystemUser"/>.</param>
/// <param name="setFindings">The findings comparing a unit's forms, refreshed in each file's transaction (none when null).</param>
public sealed class Importer(JixiaoDatabase database, FindingsProvider? findings = null, string user = Importer.SystemUser, SetFindingsProvider? setFindings = null)
{
    /// <summary>The user name of imports nobody asked for (the seeding of an empty database at first start).</summary>
    public const string SystemUser = "system";

    /// <summary>The message of a file whose content is already stored.</summary>
    internal const string AlreadyStored = "内容已导入";

    /// <summary>
    /// Imports files in order over one connection, each in its own transaction; <paramref name="done"/> hears
    /// of each as it is finished. The items are taken one by one, so the caller may still be reading the later
    /// ones: a settled item (content known, file unreadable) is only logged.
    /// </summary>
    public IReadOnlyList<ImportResult> Import(IEnumerable<ImportItem> items, Action<ImportResult>? done = null)
    {
        using var session = new Session(database);
        var results = new List<ImportResult>();
        foreach (var item in items)
        {
            var result = item.Source is { } source ? Import(session, source) : Logged(session, item.Settled!, item.ContentHash);
            results.Add(result);
            done?.Invoke(result);
        }

        return results;
    }

    /// <summary>Content hashes already stored, with their source and version: what a reader need not parse again.</summary>
    public ConcurrentDictionary<string, StoredContent> KnownContent()
    {
        using var context = database.CreateContext();
        return new(context.DocumentVersions.Select(v => new { v.ContentHash, v.SourceDocument.Name, v.Version })
            .AsEnumerable().Select(v => KeyValuePair.Create(v.ContentHash, new StoredContent(v.Name, v.Version))));
    }

    /// <summary>Imports one read file in one transaction, retrying when a concurrent writer got there first.</summary>
    public ImportResult Import(ImportSource source) => Import([source])[0];

    /// <summary>Imports read files in order, each in its own transaction, over one connection.</summary>
    public IReadOnlyList<ImportResult> Import(IEnumerable<ImportSource> sources)
    {
        using var session = new Session(database);
        return [.. sources.Select(s => Import(session, s))];
    }

    private ImportResult Import(Session session, ImportSource source)
    {
        if (source.FormCount == 0)
        {
            var why = source.Documents.SelectMany(d => d.Diagnostics).FirstOrDefault(d => d.Severity == Severity.Error)?.Message;
            return Logged(session, new ImportResult(source.FileName, ImportOutcome.Failed, source.Name, Message: why ?? "文件中没有读到绩效表"), source.ContentHash);
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return ImportOnce(session, source);
            }
            catch (Exception ex) when (attempt < Conflicts.MaxAttempts && Conflicts.IsTransient(ex))
            {
                Conflicts.Backoff(attempt);
            }
            catch (Exception ex)
            {
                // The file's transaction is rolled back by now; the failure is logged in a transaction of its own.
                LogFailure(session, new ImportResult(source.FileName, ImportOutcome.Failed, source.Name, Message: ex.Message), source.ContentHash);
                throw;
            }
        }
    }

    /// <summary>Logs a result reached without storing anything (known content, an unreadable file) in a transaction of its own.</summary>
    private ImportResult Logged(Session session, ImportResult result, string? contentHash)
    {
        using var transaction = session.Context.Database.BeginTransaction();
        session.Writer.InsertWithIds([AuditLines.Line(user, result, contentHash)]);
        Commit(session.Writer, transaction);
        return result;
    }

    private void LogFailure(Session session, ImportResult result, string contentHash)
    {
        try
        {
            Logged(session, result, contentHash);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException)
        {
            // The database refuses even the audit line (it is gone, or the connection broke): the import's
            // own error, rethrown by the caller, is the one to report.
        }
    }

    private ImportResult ImportOnce(Session session, ImportSource source)
    {
        var (context, writer, lookups) = (session.Context, session.Writer, session.Lookups);
        using var transaction = context.Database.BeginTransaction();
        var forms = source.Documents.SelectMany(d => d.Forms).ToList();
        var units = forms.Select(f => (ProjectNames.Key(f.Unit), ProjectNames.Key(f.Department))).Distinct().ToList();
        var lookup = lookups.Load(source.ContentHash, source.Name, units);
        if (lookup.Content is { } stored)
        {
            var unchanged = new ImportResult(source.FileName, ImportOutcome.Unchanged, stored.Source, stored.Version, Message: AlreadyStored);
            writer.InsertWithIds([AuditLines.Line(user, unchanged, source.ContentHash)]);
            Commit(writer, transaction);
            return unchanged;
        }

        var (version, before) = NewVersion(context, lookups, writer, source, lookup.Source);
        if (lookup.Source?.LastVersion is not null)
        {
            // The superseded version's forms no longer fill their projects' years: look the projects up again
            // (the content is not looked up again: this version is its holder now, or will be).
            lookup = lookups.Load(null, source.Name, units);
        }

        var placements = new ProjectPlacer(lookup, writer).Place(forms);
        var formIds = writer.AllocateIds<StoredForm>(forms.Count);
        writer.Insert(forms.Select((f, i) => FormRows.Form(f, formIds[i], version.Id, placements[i].ProjectYearId, i)).ToList());
        writer.Insert(forms.SelectMany((f, i) => f.Indicators.Select((ind, j) => FormRows.Indicator(ind, formIds[i], j))).ToList());
        writer.Insert(forms.SelectMany((f, i) => FormRows.BudgetRows(f.Budget, formIds[i])).ToList());
        writer.Insert(Diagnostics(source.Documents, formIds, version.Id));
        var findingRows = Findings(forms, formIds);
        writer.InsertWithIds(findingRows);
        var result = new ImportResult(
            source.FileName,
            version.Version == 1 ? ImportOutcome.Imported : ImportOutcome.NewVersion,
            source.Name,
            version.Version,
            version.FormCount,
            version.IndicatorCount,
            version.DiagnosticCount,
            findingRows.Count);
        var after = AuditLines.Summary(source.Name, version.Version, source.ContentHash, forms.Select(AuditLines.Of));
        writer.InsertWithIds([AuditLines.Line(user, result, source.ContentHash, before, after)]);
        LinkParents(lookups, writer, forms, placements);
        if (setFindings is not null)
        {
            SetFindings.RefreshUnits(context, writer, forms.Select(f => f.Unit), setFindings);
        }

        Commit(writer, transaction);
        return result;
    }

    /// <summary>Writes the rows the writer holds, then commits.</summary>
    private static void Commit(RowWriter writer, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction)
    {
        writer.Flush();
        transaction.Commit();
    }

    /// <summary>
    /// The next version of the source (creating the source if new), made the one in force; with the audit
    /// summary of the version it supersedes (null for a new source).
    /// </summary>
    private static (DocumentVersion Version, string? Before) NewVersion(JixiaoDbContext context, ImportLookups lookups, RowWriter writer, ImportSource source, KnownSource? known)
    {
        long sourceId;
        string? before = null;
        if (known is null)
        {
            var document = new SourceDocument { Name = source.Name };
            writer.InsertWithIds([document]);
            sourceId = document.Id;
        }
        else
        {
            sourceId = known.Id;
            before = known.LastVersion is { } last ? Summary(context, source.Name, sourceId, last) : null;
            lookups.Supersede(sourceId);
        }

        var version = new DocumentVersion
        {
            SourceDocumentId = sourceId,
            Version = (known?.LastVersion ?? 0) + 1,
            ContentHash = source.ContentHash,
            FileName = source.FileName,
            ByteCount = source.ByteCount,
            ImportedAt = DateTime.UtcNow,
            IsCurrent = true,
            FormCount = source.FormCount,
            IndicatorCount = source.IndicatorCount,
            DiagnosticCount = source.DiagnosticCount,
        };
        writer.InsertWithIds([version]);
        return (version, before);
    }

    /// <summary>The audit summary of a stored version (one query for the version, one for its forms; only on new versions).</summary>
    private static string? Summary(JixiaoDbContext context, string name, long sourceId, int version)
    {
        var hash = context.DocumentVersions.Where(v => v.SourceDocumentId == sourceId && v.Version == version).Select(v => v.ContentHash).FirstOrDefault();
        if (hash is null)
        {
            return null;
        }

        var forms = context.Forms.Where(f => f.DocumentVersion.SourceDocumentId == sourceId && f.DocumentVersion.Version == version)
            .OrderBy(f => f.Ordinal)
            .Select(f => new AuditFormLine(f.Name, f.Kind, f.Unit, f.Year, f.TotalScore))
            .ToList();
        return AuditLines.Summary(name, version, hash, forms);
    }

    /// <summary>Each diagnostic with the form that starts last at or before its line, in its own document.</summary>
    private static List<StoredDiagnostic> Diagnostics(IReadOnlyList<DisclosureDocument> documents, long[] formIds, long versionId)
    {
        var rows = new List<StoredDiagnostic>();
        var offset = 0;
        foreach (var document in documents)
        {
            foreach (var d in document.Diagnostics)
            {
                long? formId = null;
                for (var k = 0; k < document.Forms.Count && document.Forms[k].Line <= d.Line; k++)
                {
                    formId = formIds[offset + k];
                }

                rows.Add(new StoredDiagnostic
                {
                    DocumentVersionId = versionId,
                    Ordinal = rows.Count,
                    FormId = formId,
                    Severity = d.Severity,
                    Line = d.Line,
                    Code = d.Code,
                    Message = d.Message,
                });
            }

            offset += document.Forms.Count;
        }

        return rows;
    }

    private List<StoredFinding> Findings(List<PerformanceForm> forms, long[] formIds) =>
        findings is null
            ? []
            : [.. forms.SelectMany((f, i) => findings(f).Select(r => new StoredFinding
            {
                FormId = formIds[i],
                IndicatorOrdinal = r.IndicatorOrdinal,
                Code = r.Code,
                Severity = r.Severity,
                Message = r.Message,
                Expected = r.Expected,
                Actual = r.Actual,
            }))];

    /// <summary>
    /// Detects umbrella projects among the target forms in force of each unit and year this file touched
    /// (read once the file's rows are written).
    /// </summary>
    private static void LinkParents(ImportLookups lookups, RowWriter writer, List<PerformanceForm> forms, IReadOnlyList<Placement> placements)
    {
        var touched = placements.Where((_, i) => forms[i].Kind == FormKind.Target).Select(p => (p.UnitId, p.Year)).Distinct().ToList();
        if (touched.Count == 0)
        {
            return;
        }

        var targets = lookups.TargetsOf(touched, writer).ToLookup(t => (t.UnitId, t.Year), t => t.Target);
        var links = new List<(long, long)>();
        foreach (var pair in touched)
        {
            var funds = targets[pair].Select(t => new ProjectFunds<long>(t.ProjectId, t.Name, t.Goal, t.Funds)).ToList();
            foreach (var link in ParentDetector.Detect(funds))
            {
                links.AddRange(link.Children.Select(child => (link.Parent, child)));
            }
        }

        lookups.LinkDetected(links);
    }

    /// <summary>One context and connection for a run of imports; each file still gets its own transaction.</summary>
    private sealed class Session : IDisposable
    {
        public Session(JixiaoDatabase database)
        {
            Context = database.CreateContext();
            Context.Database.OpenConnection();
            Writer = RowWriter.Create(Context);
            Lookups = new ImportLookups(Context);
        }

        public JixiaoDbContext Context { get; }

        public RowWriter Writer { get; }

        public ImportLookups Lookups { get; }

        public void Dispose()
        {
            Lookups.Dispose();
            Writer.Dispose();
            Context.Dispose();
        }
    }
}

