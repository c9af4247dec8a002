// One collection at a time: each starts a bot, Playgrounds and a Chromium, and the machine is small.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
