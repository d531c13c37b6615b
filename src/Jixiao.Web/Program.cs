Jixiao.Web.JixiaoWebHost.Build(Jixiao.Web.Accounts.DemoMode.Args(args)).Run();

/// <summary>The web host's entry point (public for WebApplicationFactory in tests).</summary>
public partial class Program;
