using SalesCoachBot.Core;
using SalesCoachBot.Hosting;
using SalesCoachBot.Storage;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSalesCoachCore(builder.Environment.ContentRootPath);
builder.Services.AddSalesCoachStorage();
builder.Services.AddSalesCoachBot();
builder.AddSalesCoachTelemetry();

var app = builder.Build();
app.MapSalesCoachEndpoints();
await app.RunAsync();

/// <summary>Entry point; public so integration tests can host it.</summary>
public partial class Program;
