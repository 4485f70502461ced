module example.com/buildorder

go 1.18
