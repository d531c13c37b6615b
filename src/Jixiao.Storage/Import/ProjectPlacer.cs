using Jixiao.Domain.Model;
using Jixiao.Domain.Projects;
using Jixiao.Storage.Bulk;
using Jixiao.Storage.Entities;

namespace Jixiao.Storage.Import;

/// <summary>The unit, project and project-year a form was placed with.</summary>
internal readonly record struct Placement(long UnitId, long ProjectId, long ProjectYearId, int Year);

/// <summary>
/// Finds, or creates, the department, unit, project and project-year of each form being imported.
/// Projects are compared only within their unit, through <see cref="ProjectMatcher"/>; what the
/// database already holds is looked up once per file (<see cref="FileLookup"/>) and kept up to date in
/// memory as forms are placed.
/// </summary>
internal sealed class ProjectPlacer(FileLookup lookup, RowWriter writer)
{
    /// <summary>Where each form goes, in order; new rows are written before returning.</summary>
    public IReadOnlyList<Placement> Place(IReadOnlyList<PerformanceForm> forms)
    {
        var units = Units(forms, out var created);
        var known = units.Values.Distinct().ToDictionary(id => id, id => created.Contains(id) ? [] : Known(id));
        var newProjects = new List<Project>();
        var newYears = new List<ProjectYear>();
        var placed = new (long UnitId, ProjectYear Year)[forms.Count];
        for (var i = 0; i < forms.Count; i++)
        {
            var form = forms[i];
            var unitId = units[ProjectNames.Key(form.Unit)];
            var key = ProjectNames.Key(form.Name);
            var year = form.Year ?? 0;
            var candidates = known[unitId];
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

    /// <summary>Unit ids by unit name key, creating missing units (<paramref name="created"/>) and their departments.</summary>
    private Dictionary<string, long> Units(IReadOnlyList<PerformanceForm> forms, out HashSet<long> created)
    {
        created = [];
        var units = new Dictionary<string, long>();
        var missing = new List<Unit>();
        foreach (var form in forms.DistinctBy(f => ProjectNames.Key(f.Unit)))
        {
            var key = ProjectNames.Key(form.Unit);
            if (lookup.Units.TryGetValue(key, out var id))
            {
                units[key] = id;
            }
            else
            {
                missing.Add(new Unit { Name = form.Unit, NameKey = key, Department = new Department { Name = form.Department, NameKey = ProjectNames.Key(form.Department) } });
            }
        }

        var newDepartments = new List<Department>();
        foreach (var group in missing.GroupBy(u => u.Department.NameKey))
        {
            var department = lookup.Departments.TryGetValue(group.Key, out var id) ? new Department { Id = id } : group.First().Department;
            if (department.Id == 0)
            {
                newDepartments.Add(department);
            }

            foreach (var unit in group)
            {
                unit.Department = department;
            }
        }

        writer.InsertWithIds(newDepartments);
        foreach (var unit in missing)
        {
            unit.DepartmentId = unit.Department.Id;
        }

        writer.InsertWithIds(missing);
        foreach (var unit in missing)
        {
            units[unit.NameKey] = unit.Id;
            created.Add(unit.Id);
        }

        return units;
    }

    /// <summary>The projects of a unit, with their names, years and which (year, kind) already have a form in force.</summary>
    private List<KnownState> Known(long unitId)
    {
        var projects = new Dictionary<long, KnownState>();
        foreach (var row in lookup.Projects[unitId])
        {
            if (!projects.TryGetValue(row.ProjectId, out var state))
            {
                state = projects[row.ProjectId] = new KnownState(new Project { Id = row.ProjectId, UnitId = unitId, Name = row.ProjectName, NameKey = row.ProjectKey });
            }

            if (row.YearId is not { } yearId)
            {
                continue;
            }

            state.Years[row.Year] = new ProjectYear { Id = yearId, ProjectId = row.ProjectId, Year = row.Year };
            state.Keys.Add(row.YearKey!);
            if (row.HasTarget)
            {
                state.Filled.Add((row.Year, FormKind.Target));
            }

            if (row.HasSelfEvaluation)
            {
                state.Filled.Add((row.Year, FormKind.SelfEvaluation));
            }
        }

        return [.. projects.Values];
    }

    /// <summary>A project of the units being imported, as far as placing forms needs it.</summary>
    private sealed class KnownState(Project project)
    {
        public Project Project { get; } = project;
        public HashSet<string> Keys { get; } = [project.NameKey];
        public Dictionary<int, ProjectYear> Years { get; } = [];
        public HashSet<(int Year, FormKind Kind)> Filled { get; } = [];
    }
}
