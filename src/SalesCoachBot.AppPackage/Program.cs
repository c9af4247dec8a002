using SalesCoachBot.AppPackage;

return AppPackageCommand.Run(args, Console.Out, Console.Error);
