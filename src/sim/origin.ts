/** Where the simulator pretends to live. `.invalid` never resolves, so nothing can leak to a real network. */
export const SIM_ORIGIN = 'http://sim.openstack.invalid';
export const SIM_IDENTITY_URL = `${SIM_ORIGIN}/identity/v3`;
export const SIM_IMAGE_URL = `${SIM_ORIGIN}/image`;
export const SIM_COMPUTE_URL = `${SIM_ORIGIN}/compute/v2.1`;
