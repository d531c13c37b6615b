using Jixiao.Domain.Model;
using Jixiao.Domain.Projects;
using Jixiao.Storage.Bulk;
using Jixiao.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Storage.Import;

/// <summary>The unit, project and project-year a form was placed with.</summary>
internal readonly record struct Placement(long UnitId, long ProjectId, long ProjectYearId, int Year);

/// <summary>
/// Finds, or creates, the department, unit, project and project-year of each form being imported.
/// Projects are compared only within their unit, through <see cref="ProjectMatcher"/>; what the
/// database already holds is loaded once per file and kept up to date in memory as forms are placed.
/// </summary>
internal sealed class ProjectPlacer(JixiaoDbContext context, RowWriter writer)
{
    /// <summary>Where each form goes, in order; new rows are written before returning.</summary>
    public IReadOnlyList<Placement> Place(IReadOnlyList<PerformanceForm> forms)
    {
        var units = Units(forms);
        var known = Known(units.Values.Distinct().ToList());
        var newProjects = new List<Project>();
        var newYears = new List<ProjectYear>();
        var placed = new (long UnitId, ProjectYear Year)[forms.Count];
        for (var i = 0; i < forms.Count; i++)
        {
            var form = forms[i];
            var unitId = units[ProjectNames.Key(form.Unit)];
            var key = ProjectNames.Key(form.Name);
            var year = form.Year ?? 0;
            var candidates = known.TryGetValue(unitId, out var list) ? list : known[unitId] = [];
            var match = ProjectMatcher.Match(key, candidates.Select(p => new KnownProject<KnownState>(p, p.Keys, !p.Filled.Contains((year, form.Kind)))).ToList());
            var project = match.Id;
            if (project is null)
            {
                project = new KnownState(new Project { UnitId = unitId, Name = form.Name, NameKey = key });
                candidates.Add(project);
                newProjects.Add(project.Project);
            }

            if (!project.Years.TryGetValue(year, out var projectYear))
            {
                projectYear = new ProjectYear
                {
                    Project = project.Project,
                    Year = year,
                    Name = form.Name,
                    NameKey = key,
                    MatchKind = match.Kind,
                    Similarity = Math.Round((decimal)match.Similarity, Decimals.AmountScale),
                };
                project.Years[year] = projectYear;
                newYears.Add(projectYear);
            }

            project.Keys.Add(key);
            project.Filled.Add((year, form.Kind));
            placed[i] = (unitId, projectYear);
        }

        writer.InsertWithIds(newProjects);
        foreach (var projectYear in newYears)
        {
            projectYear.ProjectId = projectYear.Project.Id;
        }

        writer.InsertWithIds(newYears);
        return [.. placed.Select(p => new Placement(p.UnitId, p.Year.ProjectId, p.Year.Id, p.Year.Year))];
    }

    /// <summary>Unit ids by unit name key, creating missing units and their departments.</summary>
    private Dictionary<string, long> Units(IReadOnlyList<PerformanceForm> forms)
    {
        var firstByUnit = forms.GroupBy(f => ProjectNames.Key(f.Unit)).ToDictionary(g => g.Key, g => g.First());
        var keys = firstByUnit.Keys.ToList();
        var units = context.Units.Where(u => keys.Contains(u.NameKey)).ToDictionary(u => u.NameKey, u => u.Id);
        var missing = firstByUnit.Where(kv => !units.ContainsKey(kv.Key)).Select(kv => kv.Value).ToList();
        if (missing.Count == 0)
        {
            return units;
        }

        var departmentKeys = missing.Select(f => ProjectNames.Key(f.Department)).Distinct().ToList();
        var departments = context.Departments.Where(d => departmentKeys.Contains(d.NameKey)).ToDictionary(d => d.NameKey, d => d.Id);
        var newDepartments = missing.DistinctBy(f => ProjectNames.Key(f.Department))
            .Where(f => !departments.ContainsKey(ProjectNames.Key(f.Department)))
            .Select(f => new Department { Name = f.Department, NameKey = ProjectNames.Key(f.Department) })
            .ToList();
        writer.InsertWithIds(newDepartments);
        foreach (var d in newDepartments)
        {
            departments[d.NameKey] = d.Id;
        }

        var newUnits = missing.Select(f => new Unit { DepartmentId = departments[ProjectNames.Key(f.Department)], Name = f.Unit, NameKey = ProjectNames.Key(f.Unit) }).ToList();
        writer.InsertWithIds(newUnits);
        foreach (var u in newUnits)
        {
            units[u.NameKey] = u.Id;
        }

        return units;
    }

    /// <summary>The projects of the units, with their names, years and which (year, kind) already have a form in force.</summary>
    private Dictionary<long, List<KnownState>> Known(List<long> unitIds)
    {
        var projects = context.Projects.Where(p => unitIds.Contains(p.UnitId)).ToDictionary(p => p.Id, p => new KnownState(p));
        if (projects.Count == 0)
        {
            return [];
        }

        foreach (var y in context.ProjectYears.Where(y => unitIds.Contains(y.Project.UnitId)))
        {
            var state = projects[y.ProjectId];
            state.Years[y.Year] = y;
            state.Keys.Add(y.NameKey);
        }

        var filled = context.CurrentForms.Where(f => unitIds.Contains(f.ProjectYear.Project.UnitId))
            .Select(f => new { f.ProjectYear.ProjectId, f.ProjectYear.Year, f.Kind }).Distinct();
        foreach (var f in filled)
        {
            projects[f.ProjectId].Filled.Add((f.Year, f.Kind));
        }

        return projects.Values.GroupBy(p => p.Project.UnitId).ToDictionary(g => g.Key, g => g.ToList());
    }

    /// <summary>A project of the units being imported into, as far as placing forms needs it.</summary>
    private sealed class KnownState(Project project)
    {
        public Project Project { get; } = project;
        public HashSet<string> Keys { get; } = [project.NameKey];
        public Dictionary<int, ProjectYear> Years { get; } = [];
        public HashSet<(int Year, FormKind Kind)> Filled { get; } = [];
    }
}
