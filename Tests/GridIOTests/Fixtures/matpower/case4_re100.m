function mpc = case4_re100
%CASE4_RE100  Hand-written 4-bus case for the re100 MATPOWER reader tests.
%   Bus 4 sits behind a 230/115 kV transformer with tap 0.95 and a 5 degree phase shift;
%   bus 5 is isolated; the last generator and the last branch are out of service.

%% MATPOWER Case Format : Version 2
mpc.version = '2';

%%-----  Power Flow Data  -----%%
%% system MVA base
mpc.baseMVA = 100;

%% bus data
%	bus_i	type	Pd	Qd	Gs	Bs	area	Vm	Va	baseKV	zone	Vmax	Vmin
mpc.bus = [
	1	3	0	0	0	0	1	1	0	230	1	1.1	0.9;
	2	2	90	30	0	0	1	1	0	230	1	1.1	0.9;
	3	1	100	35	5	0	1	1	0	230	1	1.1	0.9;
	4	1	60	20	0	0	1	1	0	115	1	1.1	0.9
	5	4	0	0	0	0	1	1	0	115	1	1.1	0.9
];

%% generator data
%	bus	Pg	Qg	Qmax	Qmin	Vg	mBase	status	Pmax	Pmin
mpc.gen = [
	1	0	0	300	-300	1	100	1	250	10;
	2	0	0	300	-300	1	100	1	150	0;
	4	0	0	300	-300	1	100	1	80	20;
	3	0	0	300	-300	1	100	0	50	0;
];

%% branch data
%	fbus	tbus	r	x	b	rateA	rateB	rateC	ratio	angle	status	angmin	angmax
mpc.branch = [
	1	2	0.01	0.085	0.176	250	250	250	0	0	1	-360	360;
	1	3	0.017	0.092	0.158	0	0	0	0	0	1	-360	360;  % RATE_A 0: unlimited
	2	3	0.039	0.17	0.358	150	150	150	0	0	1	-360	360;
	3	4	0	0.0586	0	100	100	100	0.95	5	1	-360	360;
	2	3	0.02	0.1	0	100	100	100	0	0	0	-360	360;  % out of service
];

%%-----  OPF Data  -----%%
%% generator cost data
%	1	startup	shutdown	n	x1	y1	...	xn	yn
%	2	startup	shutdown	n	c(n-1)	...	c0
mpc.gencost = [
	2	1500	0	3	0	20	100;
	2	0	0	3	0.01	30	0;
	1	0	0	3	20	800	50	2600	80	5000;
	2	0	0	2	10	0;
];

%% fuel of each generator
mpc.genfuel = {
	'coal';
	'ng';
	'oil';
	'wind';
};
