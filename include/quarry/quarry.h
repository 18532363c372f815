// Umbrella header for embedding Quarry: #include <quarry/quarry.h>.
#pragma once

#include "quarry/database.h"
#include "quarry/options.h"
#include "quarry/prepared.h"
#include "quarry/result.h"
#include "quarry/status.h"
#include "quarry/value.h"
