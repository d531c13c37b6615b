using System.Security.Claims;
using Jixiao.Web.Accounts;
using Jixiao.Web.Drafts;
using Microsoft.Extensions.Configuration;

namespace Jixiao.Web.Tests;

/// <summary>The review chain as a deployment configures it (Jixiao:Review:Steps), without a web host.</summary>
public sealed class ReviewStepsTests
{
    private static ReviewSteps From(params (string Key, string Value)[] settings) =>
        ReviewSteps.From(new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build());

    private static ClaimsPrincipal User(string name, string role, long? unit = null) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, role), .. unit is { } u ? new[] { new Claim(JixiaoClaims.Unit, u.ToString(System.Globalization.CultureInfo.InvariantCulture)) } : []],
        "test", ClaimTypes.Name, ClaimTypes.Role));

    private static Transition Named(string name) => Workflow.All.Single(t => t.Name == name);

    [Fact]
    public void Without_a_setting_all_three_steps_are_required_in_order()
    {
        Assert.Equal([Roles.UnitHead, Roles.DepartmentReviewer, Roles.Finance], From().Required);
    }

    [Fact]
    public void A_deployment_may_drop_steps_in_either_form_and_the_chain_keeps_its_order()
    {
        Assert.Equal([Roles.DepartmentReviewer, Roles.Finance], From(("Jixiao:Review:Steps", "财政审核,主管部门审核")).Required);
        Assert.Equal([Roles.UnitHead, Roles.Finance], From(("Jixiao:Review:Steps:0", "单位审核"), ("Jixiao:Review:Steps:1", "财政审核")).Required);
        Assert.Throws<InvalidOperationException>(() => From(("Jixiao:Review:Steps", "管理员")));
    }

    [Fact]
    public void With_two_steps_the_first_approval_moves_on_the_second_approves_and_a_return_goes_back_one_step()
    {
        var steps = From(("Jixiao:Review:Steps", "主管部门审核,财政审核"));
        var draft = new Draft { UnitId = 7, State = States.Submitted, ReviewStep = 0 };
        var head = User("head", Roles.UnitHead, 7);
        var department = User("dept", Roles.DepartmentReviewer);
        var finance = User("fin", Roles.Finance);
        department.Identities.First().AddClaim(new Claim(JixiaoClaims.Department, "3"));

        Assert.Empty(Workflow.Available(head, draft, steps)); // 单位审核 is not required here: the head has no step
        Assert.Empty(Workflow.Available(finance, draft, steps));
        Assert.Equal(["Return", "Approve"], Workflow.Available(department, draft, steps).Select(t => t.Name));
        Assert.Equal((States.Submitted, 1), Workflow.Next(Named("Approve"), draft, steps));

        draft.ReviewStep = 1;
        Assert.Empty(Workflow.Available(department, draft, steps));
        Assert.Equal((States.Approved, 0), Workflow.Next(Named("Approve"), draft, steps));
        Assert.Equal((States.Submitted, 0), Workflow.Next(Named("Return"), draft, steps)); // back to 主管部门审核
        Assert.Contains(Workflow.Available(finance, draft, steps), t => t.Name == "Approve");
        Assert.DoesNotContain(Workflow.Available(finance, draft, steps, authors: new HashSet<string> { "fin" }), t => t.Name == "Approve"); // finance edited it

        draft.ReviewStep = 0;
        Assert.Equal((States.Returned, 0), Workflow.Next(Named("Return"), draft, steps)); // from the first step: to the filler
    }
}
