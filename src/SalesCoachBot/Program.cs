using Microsoft.Bot.Builder.Integration.AspNet.Core;
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSingleton<IBotFrameworkHttpAdapter>(sp => new CloudAdapter());
var app = builder.Build();
app.Run();
