using SalesCoachBot.Hosting;

var app = SalesCoachApplication.Build(new WebApplicationOptions { Args = args });
await app.RunAsync();

/// <summary>Entry point; public so integration tests can host it.</summary>
public partial class Program;
