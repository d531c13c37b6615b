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

    /// <summary>Files read ahead of the database, in parallel, while the previous batch is written.</summary>
    private static readonly int ReadAhead = Math.Max(4, Environment.ProcessorCount * 2);

    /// <summary>Imports files in order; <paramref name="done"/> hears of each as it is finished.</summary>
    public IReadOnlyList<ImportResult> ImportFiles(IReadOnlyList<string> paths, Action<ImportResult>? done = null)
    {
        var known = KnownContent();
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
                var result = item.Result ?? Import(item.Source!);
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
    public ImportResult Import(ImportSource source)
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
                return ImportOnce(source);
            }
            catch (Exception ex) when (attempt < MaxAttempts && Conflicts.IsTransient(ex))
            {
                Thread.Sleep(Random.Shared.Next(5, 20) * attempt);
            }
        }
    }

    private ImportResult ImportOnce(ImportSource source)
    {
        using var context = database.CreateContext();
        using var transaction = context.Database.BeginTransaction();
        var stored = context.DocumentVersions.Where(v => v.ContentHash == source.ContentHash)
            .Select(v => new { v.SourceDocument.Name, v.Version }).FirstOrDefault();
        if (stored is not null)
        {
            return new ImportResult(source.FileName, ImportOutcome.Unchanged, stored.Name, stored.Version, Message: "内容已导入");
        }

        using var writer = RowWriter.Create(context);
        var version = NewVersion(context, writer, source);
        var forms = source.Documents.SelectMany(d => d.Forms).ToList();
        var placements = new ProjectPlacer(context, writer).Place(forms);
        var formIds = writer.AllocateIds<StoredForm>(forms.Count);
        writer.Insert(forms.Select((f, i) => FormRows.Form(f, formIds[i], version.Id, placements[i].ProjectYearId, i)).ToList());
        writer.Insert(forms.SelectMany((f, i) => f.Indicators.Select((ind, j) => FormRows.Indicator(ind, formIds[i], j))).ToList());
        writer.Insert(forms.SelectMany((f, i) => FormRows.BudgetRows(f.Budget, formIds[i])).ToList());
        writer.Insert(Diagnostics(source.Documents, formIds, version.Id));
        var findingRows = Findings(forms, formIds);
        writer.InsertWithIds(findingRows);
        LinkParents(context, writer, forms, placements);
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
    private static DocumentVersion NewVersion(JixiaoDbContext context, RowWriter writer, ImportSource source)
    {
        var known = context.SourceDocuments.Where(s => s.Name == source.Name)
            .Select(s => new { s.Id, Last = s.Versions.Max(v => (int?)v.Version) }).FirstOrDefault();
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
            context.DocumentVersions.Where(v => v.SourceDocumentId == sourceId && v.IsCurrent)
                .ExecuteUpdate(s => s.SetProperty(v => v.IsCurrent, false));
        }

        var version = new DocumentVersion
        {
            SourceDocumentId = sourceId,
            Version = (known?.Last ?? 0) + 1,
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
    private static void LinkParents(JixiaoDbContext context, RowWriter writer, List<PerformanceForm> forms, IReadOnlyList<Placement> placements)
    {
        var touched = placements.Where((_, i) => forms[i].Kind == FormKind.Target).Select(p => (p.UnitId, p.Year)).ToHashSet();
        if (touched.Count == 0)
        {
            return;
        }

        var unitIds = touched.Select(t => t.UnitId).Distinct().ToList();
        var years = touched.Select(t => t.Year).Distinct().ToList();
        var targets = context.CurrentForms
            .Where(f => f.Kind == FormKind.Target && unitIds.Contains(f.ProjectYear.Project.UnitId) && years.Contains(f.ProjectYear.Year))
            .Select(f => new { f.ProjectYear.Project.UnitId, f.ProjectYear.Year, f.ProjectYear.ProjectId, f.Name, f.Goal, f.FundsAnnualTotal })
            .ToList();
        var links = targets.Where(t => touched.Contains((t.UnitId, t.Year)))
            .GroupBy(t => (t.UnitId, t.Year))
            .SelectMany(g => ParentDetector.Detect(g.Select(t => new ProjectFunds<long>(t.ProjectId, t.Name, t.Goal, t.FundsAnnualTotal)).ToList()))
            .SelectMany(link => link.Children.Select(child => (link.Parent, Child: child)))
            .ToHashSet();
        if (links.Count == 0)
        {
            return;
        }

        var parents = links.Select(l => l.Parent).Distinct().ToList();
        var existing = context.ProjectRelations.Where(r => parents.Contains(r.ParentProjectId))
            .Select(r => new { r.ParentProjectId, r.ChildProjectId }).AsEnumerable()
            .Select(r => (r.ParentProjectId, r.ChildProjectId)).ToHashSet();
        writer.Insert(links.Where(l => !existing.Contains(l))
            .Select(l => new ProjectRelation { ParentProjectId = l.Parent, ChildProjectId = l.Child, Origin = ProjectRelation.Detected })
            .ToList());
    }

    /// <summary>Content hashes already stored, with their source and version.</summary>
    private ConcurrentDictionary<string, (string Source, int Version)> KnownContent()
    {
        using var context = database.CreateContext();
        return new(context.DocumentVersions.Select(v => new { v.ContentHash, v.SourceDocument.Name, v.Version })
            .AsEnumerable().Select(v => KeyValuePair.Create(v.ContentHash, (v.Name, v.Version))));
    }

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
                    ? new Prepared(null, new ImportResult(file, ImportOutcome.Unchanged, stored.Source, stored.Version, Message: "内容已导入"))
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
}
