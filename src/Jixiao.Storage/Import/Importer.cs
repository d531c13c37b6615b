using System.Collections.Concurrent;
using Jixiao.Domain.Model;
using Jixiao.Domain.Projects;
using Jixiao.Formats.Sources;
using Jixiao.Storage.Bulk;
using Jixiao.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Storage.Import;

/// <summary>
/// Stores read documents. Each file goes in one transaction: all of it or nothing. Content already
/// stored (same SHA-256) adds nothing; new content under a known source name becomes that source's next
/// version and the older versions stay as history. When another writer stores the same rows at the same
/// time, the unique constraints refuse the second and it retries, then finds the content stored.
/// </summary>
public sealed class Importer(JixiaoDatabase database, FindingsProvider? findings = null)
{
    private const int MaxAttempts = 6;
    private const string AlreadyStored = "内容已导入";

    /// <summary>Files read ahead of the database, in parallel, while the previous batch is written.</summary>
    private static readonly int ReadAhead = Math.Max(4, Environment.ProcessorCount * 2);

    /// <summary>Imports files in order; <paramref name="done"/> hears of each as it is finished.</summary>
    public IReadOnlyList<ImportResult> ImportFiles(IReadOnlyList<string> paths, Action<ImportResult>? done = null)
    {
        using var session = new Session(database);
        var known = KnownContent(session.Context);
        var results = new List<ImportResult>(paths.Count);
        var chunks = paths.Chunk(ReadAhead).ToList();
        var next = chunks.Count > 0 ? Task.Run(() => Prepare(chunks[0], known)) : null;
        for (var c = 0; c < chunks.Count; c++)
        {
            var prepared = next!.GetAwaiter().GetResult();
            var following = c + 1 < chunks.Count ? chunks[c + 1] : null;
            next = following is null ? null : Task.Run(() => Prepare(following, known));
            foreach (var item in prepared)
            {
                var result = item.Result ?? Import(session, item.Source!);
                if (result.Outcome is ImportOutcome.Imported or ImportOutcome.NewVersion && item.Source is { } s)
                {
                    known[s.ContentHash] = (result.Source!, result.Version);
                }

                results.Add(result);
                done?.Invoke(result);
            }
        }

        return results;
    }

    /// <summary>Reads and imports one file.</summary>
    public ImportResult ImportFile(string path) => ImportFiles([path]).Single();

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
            return new ImportResult(source.FileName, ImportOutcome.Failed, source.Name, Message: why ?? "文件中没有读到绩效表");
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return ImportOnce(session, source);
            }
            catch (Exception ex) when (attempt < MaxAttempts && Conflicts.IsTransient(ex))
            {
                Thread.Sleep(Random.Shared.Next(5, 20) * attempt);
            }
        }
    }

    private ImportResult ImportOnce(Session session, ImportSource source)
    {
        var (context, writer, lookups) = (session.Context, session.Writer, session.Lookups);
        using var transaction = context.Database.BeginTransaction();
        if (lookups.ContentByHash(source.ContentHash) is { } stored)
        {
            return new ImportResult(source.FileName, ImportOutcome.Unchanged, stored.Source, stored.Version, Message: AlreadyStored);
        }

        var version = NewVersion(lookups, writer, source);
        var forms = source.Documents.SelectMany(d => d.Forms).ToList();
        var placements = new ProjectPlacer(lookups, writer).Place(forms);
        var formIds = writer.AllocateIds<StoredForm>(forms.Count);
        writer.Insert(forms.Select((f, i) => FormRows.Form(f, formIds[i], version.Id, placements[i].ProjectYearId, i)).ToList());
        writer.Insert(forms.SelectMany((f, i) => f.Indicators.Select((ind, j) => FormRows.Indicator(ind, formIds[i], j))).ToList());
        writer.Insert(forms.SelectMany((f, i) => FormRows.BudgetRows(f.Budget, formIds[i])).ToList());
        writer.Insert(Diagnostics(source.Documents, formIds, version.Id));
        var findingRows = Findings(forms, formIds);
        writer.InsertWithIds(findingRows);
        LinkParents(lookups, forms, placements);
        transaction.Commit();
        return new ImportResult(
            source.FileName,
            version.Version == 1 ? ImportOutcome.Imported : ImportOutcome.NewVersion,
            source.Name,
            version.Version,
            version.FormCount,
            version.IndicatorCount,
            version.DiagnosticCount,
            findingRows.Count);
    }

    /// <summary>The next version of the source (creating the source if new), made the one in force.</summary>
    private static DocumentVersion NewVersion(ImportLookups lookups, RowWriter writer, ImportSource source)
    {
        var known = lookups.SourceByName(source.Name);
        long sourceId;
        if (known is null)
        {
            var document = new SourceDocument { Name = source.Name };
            writer.InsertWithIds([document]);
            sourceId = document.Id;
        }
        else
        {
            sourceId = known.Id;
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
        return version;
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

    private List<Finding> Findings(List<PerformanceForm> forms, long[] formIds) =>
        findings is null
            ? []
            : [.. forms.SelectMany((f, i) => findings(f).Select(r => new Finding
            {
                FormId = formIds[i],
                IndicatorOrdinal = r.IndicatorOrdinal,
                Code = r.Code,
                Severity = r.Severity,
                Message = r.Message,
            }))];

    /// <summary>Detects umbrella projects among the target forms in force of each unit and year this file touched.</summary>
    private static void LinkParents(ImportLookups lookups, List<PerformanceForm> forms, IReadOnlyList<Placement> placements)
    {
        var touched = placements.Where((_, i) => forms[i].Kind == FormKind.Target).Select(p => (p.UnitId, p.Year)).Distinct();
        foreach (var (unitId, year) in touched)
        {
            var targets = lookups.TargetsOf(unitId, year).Select(t => new ProjectFunds<long>(t.ProjectId, t.Name, t.Goal, t.Funds)).ToList();
            foreach (var link in ParentDetector.Detect(targets))
            {
                foreach (var child in link.Children)
                {
                    lookups.LinkDetected(link.Parent, child);
                }
            }
        }
    }

    /// <summary>Content hashes already stored, with their source and version.</summary>
    private static ConcurrentDictionary<string, (string Source, int Version)> KnownContent(JixiaoDbContext context) =>
        new(context.DocumentVersions.Select(v => new { v.ContentHash, v.SourceDocument.Name, v.Version })
            .AsEnumerable().Select(v => KeyValuePair.Create(v.ContentHash, (v.Name, v.Version))));

    /// <summary>Reads, hashes and parses files in parallel; known content is not parsed again.</summary>
    private static List<Prepared> Prepare(string[] paths, IReadOnlyDictionary<string, (string Source, int Version)> known)
    {
        var prepared = new Prepared[paths.Length];
        Parallel.For(0, paths.Length, i =>
        {
            var path = paths[i];
            var file = Path.GetFileName(path);
            try
            {
                var content = File.ReadAllBytes(path);
                var hash = ImportSource.Hash(content);
                prepared[i] = known.TryGetValue(hash, out var stored)
                    ? new Prepared(null, new ImportResult(file, ImportOutcome.Unchanged, stored.Source, stored.Version, Message: AlreadyStored))
                    : new Prepared(ImportSource.FromDocuments(file, hash, content.LongLength, DocumentLoader.LoadBytes(content, file, path)), null);
            }
            catch (Exception ex) when (ex is UnreadableSourceException or IOException or UnauthorizedAccessException)
            {
                prepared[i] = new Prepared(null, new ImportResult(file, ImportOutcome.Failed, Message: ex.Message));
            }
        });
        return [.. prepared];
    }

    private sealed record Prepared(ImportSource? Source, ImportResult? Result);

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

