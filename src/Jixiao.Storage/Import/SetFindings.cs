using Jixiao.Domain.Checks;
using Jixiao.Storage.Bulk;
using Jixiao.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Storage.Import;

/// <summary>Computes the findings of the rules that compare the forms of one 实施单位 with one another.</summary>
public delegate IReadOnlyList<Finding> SetFindingsProvider(IReadOnlyList<SourcedForm> forms);

/// <summary>
/// The findings of rules that compare forms with one another (duplicates, same content, parents and
/// children, year over year). Those rules compare the forms of one 实施单位, so an import checks the units
/// it touched again inside the file's own transaction (see <see cref="Importer"/>); <see cref="Refresh"/>
/// rechecks stored units, one transaction per unit.
/// </summary>
public static class SetFindings
{
    private static readonly HashSet<string> SetCodes = [.. RuleCatalogue.SetRules.Select(r => r.Code)];

    /// <summary>The first key of the PostgreSQL advisory locks that serialise the rechecks of one unit (the second is the unit's hash).</summary>
    private const int UnitLockClass = 0x4A58; // "JX"

    /// <summary>The rule catalogue's set rules (the per-form rules left out: they are stored with each form).</summary>
    public static SetFindingsProvider Provider(CheckOptions? options = null)
    {
        var only = (options ?? CheckOptions.Default) with
        {
            Disabled = RuleCatalogue.FormRules.Select(r => r.Code).Concat(options?.Disabled ?? new HashSet<string>()).ToHashSet(),
        };
        return forms => Checker.Check(forms, only);
    }

    /// <summary>Rechecks the named units (all units when null); returns the number of set findings stored.</summary>
    public static int Refresh(JixiaoDatabase database, IEnumerable<string>? units = null, CheckOptions? options = null)
    {
        var provider = Provider(options);
        var names = units?.Distinct().ToList();
        if (names is null)
        {
            using var c = database.CreateContext();
            names = [.. c.CurrentForms.Select(f => f.Unit).Distinct()];
        }

        return names.Sum(unit =>
        {
            using var c = database.CreateContext();
            using var transaction = c.Database.BeginTransaction();
            using var writer = RowWriter.Create(c);
            var count = RefreshUnit(c, writer, unit, provider);
            writer.Flush();
            transaction.Commit();
            return count;
        });
    }

    /// <summary>
    /// Rechecks units inside the context's open transaction, after the rows the writer held are written;
    /// the new findings are written by the next flush. Units go in ordinal order, so two writers lock them alike.
    /// </summary>
    internal static int RefreshUnits(JixiaoDbContext c, RowWriter writer, IEnumerable<string> units, SetFindingsProvider provider)
    {
        writer.Flush();
        return units.Distinct().Order(StringComparer.Ordinal).Sum(unit => RefreshUnit(c, writer, unit, provider));
    }

    private static int RefreshUnit(JixiaoDbContext c, RowWriter writer, string unit, SetFindingsProvider provider)
    {
        if (c.Database.IsNpgsql())
        {
            // Two transactions rechecking one unit would each miss the other's new forms and both keep their findings:
            // the second waits for the first to commit, then reads what it stored (read committed: each statement
            // sees what is committed when it starts). On SQLite a transaction that has written is the only writer until it commits.
            c.Database.ExecuteSql($"SELECT pg_advisory_xact_lock({UnitLockClass}, hashtext({unit}))");
        }

        var rows = c.CurrentForms.AsNoTracking().Where(f => f.Unit == unit)
            .Select(f => new { Row = f, Source = f.DocumentVersion.SourceDocument.Name }).ToList();
        var ids = rows.Select(r => r.Row.Id).ToList();
        var indicators = c.Indicators.AsNoTracking().Where(i => ids.Contains(i.FormId)).ToList().ToLookup(i => i.FormId);
        var budgets = c.BudgetRows.AsNoTracking().Where(b => ids.Contains(b.FormId)).ToList().ToLookup(b => b.FormId);
        var forms = rows.Select(r => (r.Row.Id, r.Source, Form: FormRows.ToDomain(r.Row, indicators[r.Row.Id], [.. budgets[r.Row.Id]]))).ToList();

        var findings = new List<StoredFinding>();
        foreach (var f in provider([.. forms.Select(x => new SourcedForm(x.Source, x.Form))]))
        {
            // The form the finding is about: same source and name, the last one starting at or before its line.
            var candidates = forms.Where(x => x.Source == f.Source && x.Form.Name == f.Form).ToList();
            var owner = candidates.Where(x => x.Form.Line <= f.Line).OrderByDescending(x => x.Form.Line).FirstOrDefault();
            owner = owner.Form is null ? candidates.FirstOrDefault() : owner;
            if (owner.Form is null)
            {
                continue;
            }

            var ordinal = f.Indicator is null ? -1 : owner.Form.Indicators.ToList().FindIndex(i => i.Line == f.Line && i.Name == f.Indicator);
            findings.Add(new StoredFinding
            {
                FormId = owner.Id,
                IndicatorOrdinal = ordinal >= 0 ? ordinal : null,
                Code = f.Code,
                Severity = f.Severity,
                Message = f.Message,
                Expected = f.Expected,
                Actual = f.Actual,
            });
        }

        c.Findings.Where(x => ids.Contains(x.FormId) && SetCodes.Contains(x.Code)).ExecuteDelete();
        writer.InsertWithIds(findings);
        return findings.Count;
    }
}
